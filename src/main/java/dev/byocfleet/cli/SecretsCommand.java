package dev.byocfleet.cli;

import dev.byocfleet.auth.SecretRotation;
import dev.byocfleet.auth.UnreadableSecretException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "secrets", description = "Manage the key that encrypts stored credentials.",
        subcommands = SecretsCommand.Rotate.class)
final class SecretsCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    @Command(name = "rotate",
            description = {"Re-encrypt every stored credential (channel URLs and secrets, MCP server URLs and header "
                    + "values) with a new key, in one transaction. Stop the servers first. The current key is the usual "
                    + "one (BYOC_SECRETS_KEY, else secrets.key in the data folder); the new key is base64 of 32 random "
                    + "bytes (openssl rand -base64 32) in --new-key-file or BYOC_SECRETS_NEW_KEY. When any value does not "
                    + "decrypt with the current key nothing is changed. Afterwards start the servers with the new key."})
    static final class Rotate implements Callable<Integer> {

        static final String NEW_KEY_ENV = "BYOC_SECRETS_NEW_KEY";

        @Option(names = "--new-key-file", paramLabel = "FILE",
                description = "A file holding the new key (base64), as secrets.key does; else " + NEW_KEY_ENV + ".")
        Path newKeyFile;

        @Override
        public Integer call() {
            byte[] key;
            try {
                key = SecretRotation.parseKey(newKeyText());
            } catch (IllegalArgumentException e) {
                System.err.println("secrets rotate: " + e.getMessage());
                return 2;
            }
            return Cli.withStore(List.of(), ctx -> {
                try {
                    SecretRotation.Result r = ctx.getBean(SecretRotation.class).rotate(key);
                    System.out.println("re-encrypted " + r.resealed().entrySet().stream()
                            .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("nothing")
                            + " from key id " + r.fromKeyId() + " to key id " + r.toKeyId() + ".");
                    System.out.println("Start the servers with the new key now: set BYOC_SECRETS_KEY to it, or put it in "
                            + "secrets.key in the data folder" + (newKeyFile == null ? "" : " (copy " + newKeyFile + ")") + ".");
                    return 0;
                } catch (UnreadableSecretException | IllegalArgumentException e) {
                    System.err.println("secrets rotate: nothing changed: " + e.getMessage());
                    return 1;
                }
            });
        }

        private String newKeyText() {
            if (newKeyFile != null) {
                try {
                    return Files.readString(newKeyFile, StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read the new key file " + newKeyFile + ": " + e.getMessage());
                }
            }
            String env = System.getenv(NEW_KEY_ENV);
            if (env == null || env.isBlank()) {
                throw new IllegalArgumentException("give the new key with --new-key-file FILE or in " + NEW_KEY_ENV);
            }
            return env;
        }
    }
}
