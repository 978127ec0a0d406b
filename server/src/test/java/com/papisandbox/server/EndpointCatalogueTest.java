package com.papisandbox.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route table against the spec's endpoint catalogue (a transcription in test resources) and the
 * README's endpoint table, which must be exactly what {@link RouteTable#markdown()} prints.
 */
class EndpointCatalogueTest {
    /** Catalogue rows not served yet, with the issue that brings them: none left. */
    private static final Set<String> NOT_YET_SERVED = Set.of();
    /**
     * Served, but on no Binance catalogue page we transcribed: other hosts' clocks, the other hosts' calls
     * ccxt makes loading markets with its default options (clients.md, ccxt). Sandbox-only operations are
     * not in the route table: they live under /sandbox/v1 behind the admin token.
     */
    private static final Set<String> BEYOND_CATALOGUE = Set.of(
            "GET /fapi/v1/time", "GET /api/v3/time",
            "GET /sapi/v1/capital/config/getall", "GET /sapi/v1/margin/allPairs",
            "GET /sapi/v1/margin/isolated/allPairs", "GET /api/v3/exchangeInfo", "GET /fapi/v1/exchangeInfo");

    private final RouteTable routes = Sandbox.routes(() -> 0L, InstrumentCatalog.bundled());

    record Row(String weight, String security) {
    }

    @Test
    void everyServedRouteHasTheCataloguesWeightAndSecurity() throws IOException {
        Map<String, Row> catalogue = catalogue();
        Set<String> served = new TreeSet<>();
        for (Endpoint<?> e : routes.endpoints()) {
            String key = e.route().key();
            served.add(key);
            if (BEYOND_CATALOGUE.contains(key)) continue;
            assertThat(catalogue).as("catalogue row for %s", key).containsKey(key);
            Row row = catalogue.get(key);
            assertThat(e.weight().describe()).as("weight of %s", key).isEqualTo(row.weight());
            assertThat(e.security().name()).as("security of %s", key).isEqualTo(row.security());
        }
        Set<String> missing = new TreeSet<>(catalogue.keySet());
        missing.removeAll(served);
        assertThat(missing).as("catalogue rows not served").isEqualTo(new TreeSet<>(NOT_YET_SERVED));
        assertThat(served).containsAll(BEYOND_CATALOGUE);
    }

    /**
     * The ORDERS budget counts what creates an order: New and New Conditional (their pages give IP weight only,
     * but it is the new order the limit is about) and Modify ("Weight(Order) 1"). Query CM Modify Order History is also
     * labelled "(Order)"; it creates nothing and fapi's same page weighs it IP only (docs/decisions.md).
     */
    @Test
    void theOrderBudgetCountsNewAndModifiedOrdersOnly() {
        Set<String> counted = new TreeSet<>();
        for (Endpoint<?> e : routes.endpoints()) {
            if (e.placesOrder()) counted.add(e.route().key());
        }
        assertThat(counted).containsExactly("POST /papi/v1/cm/conditional/order", "POST /papi/v1/cm/order", "PUT /papi/v1/cm/order");
    }

    @Test
    void readmeEndpointTableIsTheRouteTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String begin = "<!-- endpoints:begin (generated from RouteTable.markdown(); EndpointCatalogueTest checks it) -->\n";
        String end = "<!-- endpoints:end -->";
        assertThat(readme).contains(begin).contains(end);
        String table = readme.substring(readme.indexOf(begin) + begin.length(), readme.indexOf(end));
        // the table to paste when it differs
        Files.writeString(Path.of("target", "readme-endpoints.md"), routes.markdown(), StandardCharsets.UTF_8);
        assertThat(table).as("README endpoint table; replace it with this output").isEqualTo(routes.markdown());
    }

    /** "METHOD /path" to its weight and security, with the spec's "(Order)" and "(sic)" notes dropped. */
    private static Map<String, Row> catalogue() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        try (InputStream in = EndpointCatalogueTest.class.getResourceAsStream("/endpoint-catalogue.md")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split("\\|");
                if (cells.length < 5 || !cells[2].contains("`")) continue;
                String key = cells[1].trim() + " " + cells[2].trim().replace("`", "");
                String weight = cells[3].replace("**", "").replace("(Order)", "").trim();
                String security = cells[4].replace("(sic)", "").trim();
                rows.put(key, new Row(weight, security));
            }
        }
        return rows;
    }
}
