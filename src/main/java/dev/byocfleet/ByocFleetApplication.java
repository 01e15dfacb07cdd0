package dev.byocfleet;

import dev.byocfleet.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: {@code serve} (the default) runs the server; other commands run once and exit. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ByocFleetApplication {

    public static void main(String[] args) {
        int code = Cli.run(args);
        if (code != Cli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
