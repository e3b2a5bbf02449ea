package com.kinshop.shared.web;

import com.kinshop.shared.DemoDataSeeder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** Runs every module's demo data seeder, in order, when demo data is on. Each seeder is idempotent. */
@Component
@ConditionalOnBooleanProperty("kinshop.demo.enabled")
class DemoDataRunner implements ApplicationRunner {

    private final List<DemoDataSeeder> seeders;

    DemoDataRunner(List<DemoDataSeeder> seeders) {
        this.seeders = seeders;
    }

    @Override
    public void run(ApplicationArguments args) {
        seeders.forEach(DemoDataSeeder::seed);
    }
}
