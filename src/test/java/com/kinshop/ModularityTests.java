package com.kinshop;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries hold, and the module documentation (target/spring-modulith-docs) is written from the code. */
class ModularityTests {

    private static final Path DOCS = Path.of("target", "spring-modulith-docs");

    private final ApplicationModules modules = ApplicationModules.of(KinshopApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentationNamingEveryModule() throws IOException {
        FileSystemUtils.deleteRecursively(DOCS); // what is checked below is what this run wrote

        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();

        String overview = Files.readString(DOCS.resolve("components.puml"));
        assertThat(modules.stream()).hasSizeGreaterThanOrEqualTo(12);
        for (ApplicationModule module : modules) {
            String name = module.getIdentifier().toString();
            assertThat(overview).as("the overview diagram names " + name).contains("\"" + module.getDisplayName() + "\", $techn=\"Module\"");
            assertThat(DOCS.resolve("module-" + name + ".puml")).as("diagram of " + name).isNotEmptyFile();
            assertThat(Files.readString(DOCS.resolve("module-" + name + ".adoc"))).as("canvas of " + name).contains(module.getBasePackage().getName());
        }
    }
}
