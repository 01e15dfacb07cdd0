package dev.byocfleet.auth;

import dev.byocfleet.store.StoreAvailability;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * On the first start (no user at all) creates the first admin from BYOC_ADMIN_EMAIL and
 * BYOC_ADMIN_PASSWORD. Without a password there is no default one: a random password is printed
 * once to the console (standard output, not the log), as Jenkins does, and never again.
 */
@Component
@ConditionalOnWebApplication
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AuthProperties props;
    private final PrintStream console;
    private final StoreAvailability store;

    @Autowired
    FirstAdminBootstrap(UserRepository users, PasswordHasher hasher, AuthProperties props, StoreAvailability store) {
        this(users, hasher, props, System.out, store);
    }

    FirstAdminBootstrap(UserRepository users, PasswordHasher hasher, AuthProperties props, PrintStream console,
                        StoreAvailability store) {
        this.users = users;
        this.hasher = hasher;
        this.props = props;
        this.console = console;
        this.store = store;
    }

    /** Now, or as soon as a store that was unreachable at start-up opens. */
    @Override
    public void run(ApplicationArguments args) {
        store.whenAvailable("creating the first admin", this::createIfNoUsers);
    }

    /** The admin created, or empty when users exist already. */
    synchronized Optional<UserAccount> createIfNoUsers() {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String email = AuthService.normalizeEmail(props.adminEmail());
        boolean generated = props.adminPassword() == null;
        String password = generated ? SecretTokens.newPassword() : props.adminPassword();
        if (!generated) {
            try {
                PasswordHasher.checkPolicy(password);
            } catch (RuntimeException e) {
                throw new IllegalStateException("BYOC_ADMIN_PASSWORD must have " + PasswordHasher.MIN_LENGTH + " to "
                        + PasswordHasher.MAX_LENGTH + " characters");
            }
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        UserAccount admin = new UserAccount(UUID.randomUUID().toString(), email, "Admin", hasher.hash(password),
                Role.ADMIN, UserStatus.ACTIVE, null, now, now, null);
        users.insert(admin);
        if (generated) {
            log.info("created the first admin {}; its generated password is printed once on the console", email);
            printBanner(email, password);
        } else {
            log.info("created the first admin {} with the password from BYOC_ADMIN_PASSWORD", email);
        }
        return Optional.of(admin);
    }

    private void printBanner(String email, String password) {
        String rule = "*".repeat(72);
        console.println();
        console.println(rule);
        console.println("BYOC Fleet: created the first admin user. Sign in with");
        console.println();
        console.println("    email:    " + email);
        console.println("    password: " + password);
        console.println();
        console.println("This password is shown only this once. Set BYOC_ADMIN_EMAIL and");
        console.println("BYOC_ADMIN_PASSWORD before the first start to choose them instead.");
        console.println(rule);
        console.println();
        console.flush();
    }
}
