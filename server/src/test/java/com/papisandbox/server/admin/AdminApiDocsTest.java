package com.papisandbox.server.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's admin table is the route list, and its curl examples cover every operation. */
class AdminApiDocsTest {
    @Test
    void readmeListsEveryOperationWithACurlExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String begin = "<!-- admin:begin (generated from AdminRoutes.markdown(); AdminApiDocsTest checks it) -->\n";
        String end = "<!-- admin:end -->";
        assertThat(readme).contains(begin).contains(end);
        String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));
        // the table to paste when it differs
        Files.writeString(Path.of("target", "readme-admin.md"), AdminRoutes.markdown(), StandardCharsets.UTF_8);
        assertThat(table).as("README admin table; replace it with target/readme-admin.md").isEqualTo(AdminRoutes.markdown());
        for (AdminRoute route : AdminRoutes.ALL) {
            String path = route.template().substring(AdminRoutes.PREFIX.length()).replace("{apiKey}", "bot1").replace("{name}", "before-crash").replace("{id}", "1");
            assertThat(readme).as("a curl example for %s %s", route.method(), route.template()).contains("$U" + path + "\n");
        }
    }

    @Test
    void routesAreUniqueAndUnderThePrefix() {
        assertThat(AdminRoutes.ALL).extracting(r -> r.method() + " " + r.template()).doesNotHaveDuplicates();
        assertThat(AdminRoutes.ALL).allSatisfy(r -> assertThat(r.template()).startsWith(AdminRoutes.PREFIX + "/"));
    }
}
