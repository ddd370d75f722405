package org.vrs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VrsApplication {
    public static void main(String[] args) {
        SpringApplication.run(VrsApplication.class, args);
    }
}
