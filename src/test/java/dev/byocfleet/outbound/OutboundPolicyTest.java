package dev.byocfleet.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The outbound-URL policy on a corpus of refused and allowed URLs, and its allow-list. */
class OutboundPolicyTest {

    /** No allow-list; every name resolves to a public address (no DNS needed), so only the URL's form decides. */
    private final OutboundPolicy strict = new OutboundPolicy(new OutboundProperties(List.of()),
            host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")});

    @ParameterizedTest
    @ValueSource(strings = {
            // schemes other than http(s)
            "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://ftp.example.com/x", "jar:http://x.example!/",
            "dict://127.0.0.1:11211/", "ldap://10.0.0.1/", "javascript:alert(1)", "//hooks.example.com/x", "hooks.example.com",
            // loopback, however written
            "http://127.0.0.1/", "http://127.0.0.1:8080/actuator/env", "http://127.1.2.3/", "http://localhost/",
            "http://LOCALHOST:8080/", "http://api.localhost/", "http://127.0.0.1./", "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
            "http://[2002:7f00:1::]/",
            // decimal, octal and hex IPv4 forms (refused, not interpreted)
            "http://2130706433/", "http://0x7f.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://017700000001/",
            "http://127.1/", "http://127.0.1/", "http://0/", "http://169.254.43518/", "http://0xa9fea9fe/",
            // cloud metadata and link-local
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/", "http://[fe80::1]/",
            "http://169.254.0.1/",
            // private, shared, unique local
            "http://10.0.0.1/", "https://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/", "http://100.64.0.1/",
            "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[::ffff:10.1.2.3]/", "http://[::ffff:192.168.0.1]/",
            // unspecified, multicast, reserved, broadcast
            "http://0.0.0.0/", "http://[::]/", "http://224.0.0.1/", "http://239.255.255.250/", "http://[ff02::1]/",
            "http://240.0.0.1/", "http://255.255.255.255/",
            // user info tricks
            "http://good.example@127.0.0.1/", "http://user:pass@hooks.example.com/", "http://127.0.0.1@good.example/",
            // malformed
            "http://[::1/", "http://exa mple.com/", "http:///path-only", "http://[fe80::1%25eth0]/", ""})
    void refused(String url) {
        assertThatThrownBy(() -> strict.checkUrl(url)).isInstanceOf(RefusedUrlException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://open.feishu.cn/open-apis/bot/v2/hook/abc", "http://8.8.8.8/", "https://1.1.1.1:8443/x",
            "https://[2606:4700:4700::1111]/", "http://172.32.0.1/", "http://192.169.0.1/", "http://100.128.0.1/",
            "http://[::ffff:8.8.8.8]/", "HTTPS://Hooks.Example.COM/path?q=1", "https://cafe.be/", "http://hooks.example.test/x"})
    void allowed(String url) {
        assertThatCode(() -> strict.checkUrl(url)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://169.254.169.254/|is a link-local address",
            "http://[::ffff:127.0.0.1]/|is a loopback address",
            "http://[fd00:ec2::254]/|is a private (unique local) address",
            "http://localhost:8080/|is this machine (loopback)",
            "http://2130706433/|must be a dotted-quad IPv4 address",
            "http://0x7f.1:8080/|must be a dotted-quad IPv4 address",
            "http://0177.0.0.1/|must be a dotted-quad IPv4 address",
            "gopher://127.0.0.1/|only http and https",
            "http://good.example@127.0.0.1/|user info"})
    void theReasonSaysWhatIsWrong(String url, String reason) {
        assertThatThrownBy(() -> strict.checkUrl(url)).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // client 127.0.0.1 (inverted 80ff:fffe) behind a public Teredo server 8.8.8.8
            "http://[2001:0:808:808:8000:ffff:80ff:fffe]/|a loopback (Teredo client) address",
            // client 169.254.169.254 (inverted 5601:5601)
            "http://[2001:0:808:808::5601:5601]/|a link-local (Teredo client) address",
            // client 10.0.0.1 (inverted f5ff:fffe), written in full
            "http://[2001:0000:0808:0808:0000:0000:f5ff:fffe]/|a private (Teredo client) address",
            // a public client (8.8.8.8, inverted f7f7:f7f7) through a private Teredo server 192.168.1.1
            "http://[2001:0:c0a8:101::f7f7:f7f7]/|a private (Teredo server) address",
            "http://[2001:0:7f00:1::f7f7:f7f7]/|a loopback (Teredo server) address"})
    void teredoAddressesAreDecodedAndBothTheirServerAndTheirClientChecked(String url, String reason) {
        assertThatThrownBy(() -> strict.checkUrl(url)).isInstanceOf(RefusedUrlException.class).hasMessageContaining(reason);
    }

    @Test
    void aTeredoAddressOfPublicServerAndClientIsAllowed() throws Exception {
        assertThatCode(() -> strict.checkUrl("http://[2001:0:808:808::f7f7:f7f7]/")).doesNotThrowAnyException();
        // the client's address is read with its bits inverted: f7f7:f7f7 is 8.8.8.8, not 247.247.247.247 (reserved)
        assertThat(OutboundPolicy.internalKind(InetAddress.getByName("2001:0:808:808::f7f7:f7f7"))).isNull();
        // and 0808:0808 in the client's place is 247.247.247.247 once inverted
        assertThat(OutboundPolicy.internalKind(InetAddress.getByName("2001:0:808:808::808:808")))
                .isEqualTo("reserved (Teredo client)");
        // outside 2001:0::/32 nothing is decoded (2001:db8::/32 is documentation, not Teredo)
        assertThat(OutboundPolicy.internalKind(InetAddress.getByName("2001:1:7f00:1::80ff:fffe"))).isNull();
    }

    @Test
    void aNameIsResolvedAgainBeforeEachConnectionSoDnsRebindingIsRefused() throws Exception {
        // the first answer is public (when the URL is saved), the next ones are loopback (an attacker's DNS)
        AtomicInteger lookups = new AtomicInteger();
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of()), host -> lookups.getAndIncrement() == 0
                ? new InetAddress[] {InetAddress.getByName("93.184.216.34")}
                : new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("127.0.0.1")});
        URI saved = policy.checkUrl("https://rebind.example.com/hook");
        assertThatThrownBy(() -> policy.checkBeforeConnect(saved))
                .isInstanceOf(RefusedUrlException.class)
                .hasMessageContaining("resolves to 127.0.0.1, a loopback address");
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aNameResolvingToTheMetadataServiceIsRefusedWhenSaved() throws Exception {
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of()),
                host -> new InetAddress[] {InetAddress.getByName("fd00:ec2::254")});
        assertThatThrownBy(() -> policy.checkUrl("http://metadata.example.com/latest/"))
                .hasMessageContaining("resolves to fd00:ec2:0:0:0:0:0:254, a private (unique local) address");
    }

    @Test
    void aNameThatDoesNotResolveMayBeSavedButIsNotConnectedTo() {
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of()), host -> {
            throw new UnknownHostException(host);
        });
        assertThatCode(() -> policy.checkUrl("http://not-yet.example.com/")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkBeforeConnect(URI.create("http://not-yet.example.com/")))
                .hasMessageContaining("does not resolve");
    }

    @Test
    void theAllowListLetsOperatorsReachTheirOwnInternalEndpoints() {
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of("10.20.0.0/16", "127.0.0.1",
                "hooks.corp.internal", "fd12::/16")));
        assertThatCode(() -> policy.checkUrl("http://10.20.3.4:9000/hook")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUrl("http://127.0.0.1:8080/x")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUrl("http://[::ffff:10.20.0.9]/")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkUrl("http://[fd12:ab::1]/")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkBeforeConnect(URI.create("http://HOOKS.corp.internal./x"))).doesNotThrowAnyException();
        // what the list does not name stays refused
        for (String url : List.of("http://10.21.0.1/", "http://127.0.0.2/", "http://169.254.169.254/", "http://[::1]/",
                "http://localhost/", "http://2130706433/", "file:///etc/passwd", "http://[fd13::1]/")) {
            assertThatThrownBy(() -> policy.checkUrl(url)).as(url).isInstanceOf(RefusedUrlException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/x", "hooks.example.com/8", "::1/129"})
    void aBadAllowListEntryStopsTheStart(String entry) {
        assertThatThrownBy(() -> new OutboundPolicy(new OutboundProperties(List.of(entry))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("byoc.outbound.allowed-hosts");
    }
}
