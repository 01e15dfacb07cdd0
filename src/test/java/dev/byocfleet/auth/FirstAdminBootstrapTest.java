package dev.byocfleet.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.byocfleet.support.TestStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class FirstAdminBootstrapTest {

    private static final PasswordHasher HASHER = new PasswordHasher();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void withoutAConfiguredPasswordARandomOneIsPrintedOnceAndWorks() {
        try (TestStore store = new TestStore()) {
            UserRepository users = users(store);
            FirstAdminBootstrap bootstrap = bootstrap(users, properties(null, null));

            UserAccount admin = bootstrap.createIfNoUsers().orElseThrow();
            String printed = console.toString(StandardCharsets.UTF_8);
            Matcher password = Pattern.compile("password: (\\S+)").matcher(printed);
            assertThat(password.find()).as(printed).isTrue();
            assertThat(printed).contains("email:    admin@localhost", "shown only this once");
            assertThat(password.group(1)).hasSize(20);

            UserAccount stored = users.findByEmail("admin@localhost").orElseThrow();
            assertThat(stored.role()).isEqualTo(Role.ADMIN);
            assertThat(stored.userId()).isEqualTo(admin.userId());
            assertThat(HASHER.matches(password.group(1), stored.passwordHash())).isTrue();

            // the next start finds a user: nothing created, nothing printed
            console.reset();
            assertThat(bootstrap(users, properties(null, null)).createIfNoUsers()).isEmpty();
            assertThat(console.size()).isZero();
            assertThat(users.count()).isOne();
        }
    }

    @Test
    void configuredEmailAndPasswordMakeTheAdminAndNothingIsPrinted() {
        try (TestStore store = new TestStore()) {
            UserRepository users = users(store);
            bootstrap(users, properties(" Ops@Example.COM ", "configured password")).createIfNoUsers().orElseThrow();
            assertThat(console.size()).isZero();
            UserAccount stored = users.findByEmail("ops@example.com").orElseThrow();
            assertThat(HASHER.matches("configured password", stored.passwordHash())).isTrue();
        }
    }

    @Test
    void configuredPasswordOutsideThePolicyStopsTheStart() {
        try (TestStore store = new TestStore()) {
            UserRepository users = users(store);
            assertThatThrownBy(() -> bootstrap(users, properties(null, "short")).createIfNoUsers())
                    .hasMessageContaining("BYOC_ADMIN_PASSWORD must have 8 to 128 characters")
                    .hasMessageNotContaining("short");
            assertThat(users.count()).isZero();
        }
    }

    private FirstAdminBootstrap bootstrap(UserRepository users, AuthProperties props) {
        return new FirstAdminBootstrap(users, HASHER, props, new PrintStream(console, true, StandardCharsets.UTF_8),
                null); // no store availability: these tests call createIfNoUsers() themselves
    }

    private static UserRepository users(TestStore store) {
        return new UserRepository(JdbcClient.create(store.dataSource()));
    }

    private static AuthProperties properties(String email, String password) {
        return new AuthProperties(email, password, null, null, null, null, null, null);
    }
}
