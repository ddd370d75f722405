package org.vrs;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.vrs.cli.Cli;

@SpringBootApplication
public class VrsApplication {

    /** Runs a command-line tool when the arguments name one (see {@link Cli}), else the service. */
    public static void main(String[] args) {
        Optional<String[]> tool = Cli.command(args);
        if (tool.isPresent()) {
            System.exit(Cli.run(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8), tool.get()));
        }
        SpringApplication.run(VrsApplication.class, args);
    }
}
