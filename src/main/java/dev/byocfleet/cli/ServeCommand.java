package dev.byocfleet.cli;

import dev.byocfleet.ByocFleetApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", description = "Run the server (REST API, web app, scheduled jobs). The default.")
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
        return serve(springArgs);
    }

    static int serve(List<String> springArgs) {
        SpringApplication.run(ByocFleetApplication.class, springArgs.toArray(String[]::new));
        return Cli.KEEP_RUNNING;
    }
}
