package co.vigia.startertest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service for the starter's own tests: only what the starter auto-configures. */
@SpringBootApplication
public class StarterTestApplication {
}
