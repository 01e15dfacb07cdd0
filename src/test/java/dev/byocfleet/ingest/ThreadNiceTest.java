package dev.byocfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The loader's and the listeners' threads run at a lower CPU priority where Linux and renice let them. */
class ThreadNiceTest {

    private static Integer niceOfAThreadFrom(ThreadFactory factory) throws InterruptedException {
        AtomicReference<Integer> seen = new AtomicReference<>();
        Thread t = factory.newThread(() -> seen.set(ThreadNice.current()));
        t.start();
        t.join(30_000);
        return seen.get();
    }

    @Test
    void aLoweredFactorysThreadsRunAtTheGivenNiceValueAndOthersKeepTheirs() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/renice")) || Files.isExecutable(Path.of("/bin/renice")),
                "renice is installed (util-linux)");
        Integer mine = ThreadNice.current();
        assertThat(mine).isNotNull();
        ThreadFactory plain = Thread.ofPlatform().factory();

        assertThat(niceOfAThreadFrom(ThreadNice.lowered(plain, 7))).isEqualTo(Math.max(7, mine));
        assertThat(niceOfAThreadFrom(plain)).isEqualTo(mine);
        assertThat(ThreadNice.current()).as("the caller keeps its own").isEqualTo(mine);
    }

    @Test
    void zeroLeavesTheFactoryAsItIsAndValuesOutsideLinuxsRangeAreRefused() {
        ThreadFactory plain = Thread.ofPlatform().factory();
        assertThat(ThreadNice.lowered(plain, 0)).isSameAs(plain);
        for (int bad : new int[] {-1, 20}) {
            assertThatThrownBy(() -> ThreadNice.lowered(plain, bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Integer.toString(bad));
        }
    }
}
