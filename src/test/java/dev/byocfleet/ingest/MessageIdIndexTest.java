package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdIndexTest {

    private static final String ID = "0123456789abcdef" + "fedcba9876543210" + "0".repeat(32);

    @Test
    void aCertainIdMatchesOnAll128BitsNotJustTheFirst64() {
        MessageIdIndex index = new MessageIdIndex(4);
        index.addCertain(ID);
        assertThat(index.certainlyStored(ID)).isTrue();
        // same first 16 hex digits, different next 16: only "maybe", never "certain"
        String sameFirstHalf = "0123456789abcdef" + "fedcba9876543211" + "0".repeat(32);
        assertThat(index.certainlyStored(sameFirstHalf)).isFalse();
        assertThat(index.certainlyStored("not-hex-at-all")).isFalse();
        index.addCertain("not-hex-at-all");
        assertThat(index.certainlyStored("not-hex-at-all")).isTrue();
    }

    @Test
    void theOldestCertainIdIsForgottenWhenFull() {
        MessageIdIndex index = new MessageIdIndex(3);
        for (String id : new String[] {"m-1", "m-2", "m-3", "m-2", "m-4"}) {
            index.addCertain(id);
        }
        assertThat(index.certainSize()).isEqualTo(3);
        assertThat(index.certainlyStored("m-1")).isFalse();
        assertThat(index.certainlyStored("m-2")).isTrue();
        assertThat(index.certainlyStored("m-3")).isTrue();
        assertThat(index.certainlyStored("m-4")).isTrue();
        // certainty is separate from the "maybe stored" keys
        assertThat(index.mightContain("m-4")).isFalse();
    }
}
