package dev.autoif.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver) against the whole system: the
 * seeded run of {@link WholePipelineIT}, then what the pages show is checked against what the services' APIs say,
 * a dropped sample is opened, and a run submitted from the form is followed until it is done. Each page is saved as a
 * screenshot in {@code docs/dashboard/}.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static Path root;
    static Path work;
    static Stack stack;
    static Thread stopOnExit;
    static WebDriver browser;
    static String page;
    static String runId;
    static JsonNode funnel;
    final Api api = new Api();

    @BeforeAll
    static void startSystemAndBrowser() throws IOException {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them)");
            }
        }
        root = Path.of(System.getProperty("autoif.root", Path.of("").toAbsolutePath().getParent().toString()));
        work = root.resolve("e2e-tests/target/e2e-dashboard");
        Instant t0 = Instant.now();
        stack = Stack.start(root, work, WholePipelineIT.SIMULATOR_SEED, Duration.ofMinutes(4));
        stopOnExit = new Thread(() -> {
            quitBrowser();
            stack.close();
        }, "e2e-dashboard-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        page = stack.startDashboard(root, work, Duration.ofMinutes(1));
        System.out.printf("e2e: system and dashboard up in %d s at %s%n",
                Duration.between(t0, Instant.now()).toSeconds(), page);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile").toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort()
                .withLogFile(work.resolve("logs/chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopAll() {
        quitBrowser();
        if (stack != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already stopping everything
            }
            stack.close();
        }
    }

    private static synchronized void quitBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    @Order(1)
    void theRunPageShowsTheFunnelTheApiReports() {
        runId = submitSeededRun();
        JsonNode run = awaitDone(runId, Duration.ofMinutes(5));
        // export takes in the judge's last records a moment after the run reads done
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        do {
            funnel = api.expect(api.get(stack.url(Service.EXPORT) + "/runs/" + runId + "/funnel"), 200, "funnel");
            if (!funnel.path("complete").asBoolean()) {
                Stack.sleep(1000);
            }
        } while (!funnel.path("complete").asBoolean() && Instant.now().isBefore(deadline));
        assertThat(funnel.path("complete").asBoolean()).as("export funnel complete: %s", funnel).isTrue();

        open("#/run/" + runId);
        waitFor(Duration.ofSeconds(30), "funnel complete on the page",
                () -> text(By.id("funnel-complete")).equals("true"));
        Map<String, List<Long>> shown = pageFunnel();
        Map<String, List<Long>> expected = new TreeMap<>();
        Map<String, Map<String, Long>> expectedDrops = new TreeMap<>();
        for (JsonNode s : funnel.path("stages")) {
            expected.put(s.path("stage").asText(), List.of(s.path("itemsIn").asLong(), s.path("itemsOut").asLong()));
            Map<String, Long> d = new TreeMap<>();
            s.path("dropped").properties().forEach(e -> d.put(e.getKey(), e.getValue().asLong()));
            if (!d.isEmpty()) {
                expectedDrops.put(s.path("stage").asText(), d);
            }
        }
        assertThat(shown).as("items in/out per stage on the page vs GET /funnel").isEqualTo(expected);
        assertThat(pageDrops()).as("drops by reason per stage on the page vs GET /funnel").isEqualTo(expectedDrops);
        assertThat(number(text(By.id("run-llm-calls")))).as("LLM calls on the page")
                .isEqualTo(run.path("llmCalls").asLong());
        // the functions inside cross-validation's instructions: a tally apart from the stages
        assertThat(number(text(By.cssSelector("[data-tally=functions] .in")))).as("functions in on the page")
                .isEqualTo(funnel.path("tallies").path("functions").path("in").asLong());
        assertThat(pageDrops().getOrDefault("CROSS_VALIDATION", Map.of()).keySet())
                .as("no function drops among the instruction stage's").noneMatch(r -> r.startsWith("function-"));
        List<WebElement> links = browser.findElements(By.cssSelector("#exports a.export"));
        assertThat(links).as("export links").hasSize(13);
        for (WebElement a : links) {
            String href = a.getAttribute("href");
            Api.Reply r = api.download(href);
            assertThat(r.status()).as("%s through the dashboard's proxy", href).isEqualTo(200);
            assertThat(r.body()).as("%s", href).isNotBlank();
        }
        screenshot("run");
    }

    @Test
    @Order(2)
    void aClickOnADroppedSampleShowsItsVerdictsAndReason() {
        JsonNode kept = samples("outcome=kept&limit=1");
        assertThat(kept.path("total").asLong()).as("kept samples = kept judgements export holds")
                .isEqualTo(funnel.path("export").path("kept").asLong());
        JsonNode dropped = samples("outcome=dropped&limit=500");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        dropped.path("items").forEach(s -> byId.put(s.path("responseId").asText(), s));
        assertThat(byId).as("dropped samples").isNotEmpty();

        open("#/run/" + runId + "/samples?outcome=dropped");
        waitFor(Duration.ofSeconds(20), "sample rows", () -> !rows("#samples-table tbody tr").isEmpty());
        assertThat(text(By.id("page-info"))).as("paging line").endsWith("of " + dropped.path("total").asLong());
        // a sample the judge dropped, for a judge analysis on the screenshot, or else the first one
        WebElement row = rows("#samples-table tbody tr").stream()
                .filter(r -> r.findElement(By.cssSelector(".reason")).getText().equals("below-judge-threshold"))
                .findFirst().orElse(rows("#samples-table tbody tr").getFirst());
        String responseId = row.getAttribute("data-response-id");
        JsonNode expected = byId.get(responseId);
        assertThat(expected).as("sample %s in the API's dropped page", responseId).isNotNull();
        row.click();
        waitFor(Duration.ofSeconds(30), "verdicts of " + responseId,
                () -> !rows("#verdicts li.verdict").isEmpty());

        assertThat(text(By.cssSelector("#sample-detail .reason"))).isEqualTo(expected.path("reason").asText())
                .isNotEqualTo("kept");
        assertThat(text(By.cssSelector("#sample-detail .pass-rate")))
                .isEqualTo(String.format(Locale.ROOT, "%.2f", expected.path("passRate").asDouble()));
        List<String> verdicts = rows("#verdicts li.verdict").stream().map(WebElement::getText).toList();
        long passes = verdicts.stream().filter(v -> v.endsWith(": pass")).count();
        assertThat((double) passes / verdicts.size()).as("share of passing verdicts shown %s", verdicts)
                .isCloseTo(expected.path("passRate").asDouble(), Offset.offset(1e-9));
        JsonNode pairs = api.expect(api.get(stack.url(Service.EXPORT) + "/runs/" + runId + "/samples/"
                + URLEncoder.encode(expected.path("sampleId").asText(), StandardCharsets.UTF_8) + "/pairs"), 200,
                "pairs");
        waitFor(Duration.ofSeconds(20), "the sample's DPO pairs", () -> !rows("#pairs table, #pairs .hint").isEmpty()
                && !text(By.id("pairs")).equals("\u2026"));
        assertThat(rows("#pairs-table tbody tr")).as("DPO pairs of the sample's prompt on the page")
                .hasSize(pairs.path("pairs").size());
        screenshot("samples");
    }

    @Test
    @Order(3)
    void theInstructionsPageSearchesAndExplainsOneInstruction() {
        long instructions = 0;
        for (JsonNode s : funnel.path("stages")) {
            if (s.path("stage").asText().equals("SELF_INSTRUCT")) {
                instructions = s.path("itemsOut").asLong();
            }
        }
        open("#/run/" + runId + "/instructions");
        waitFor(Duration.ofSeconds(20), "instruction rows", () -> !rows("#instructions-table tbody tr").isEmpty());
        assertThat(text(By.id("page-info"))).as("all instructions after dedup").endsWith("of " + instructions);

        open("#/run/" + runId + "/instructions?q=comma");
        waitFor(Duration.ofSeconds(20), "searched rows", () -> text(By.id("page-info")).contains("of"));
        List<WebElement> found = rows("#instructions-table tbody tr");
        assertThat(found).as("instructions about commas").isNotEmpty()
                .allSatisfy(r -> assertThat(r.getText().toLowerCase(Locale.ROOT)).contains("comma"));
        found.getFirst().click();
        waitFor(Duration.ofSeconds(20), "the instruction's fate",
                () -> text(By.id("instruction-fate")).matches("(?s).*(kept|dropped).*"));
        String instructionId = found.getFirst().getAttribute("data-instruction-id");
        Api.Reply seen = api.get(stack.url(Service.VERIFIER) + "/cross-validations/" + instructionId);
        // 404: function generation dropped it, cross-validation never saw it
        JsonNode cv = seen.status() == 404 ? Api.JSON.createObjectNode()
                : api.expect(seen, 200, "cross-validation");
        waitFor(Duration.ofSeconds(20), "the verdict matrix", () -> cv.path("functions").isEmpty()
                || !rows("#verdict-matrix tbody tr").isEmpty());
        assertThat(rows("#verdict-matrix tbody tr")).as("one row per function").hasSize(cv.path("functions").size());
        assertThat(rows("#verdict-matrix thead th.case")).as("one column per case").hasSize(cv.path("cases").size());
        if (cv.path("outcome").asText().equals("kept")) {
            JsonNode bt = api.expect(api.get(stack.url(Service.NLI) + "/runs/" + runId
                    + "/back-translations?instruction=" + instructionId), 200, "back-translations");
            waitFor(Duration.ofSeconds(20), "the back-translations", () -> !rows("#back-translations h2").isEmpty());
            assertThat(rows("#back-translation-table tbody tr")).as("back-translations with their NLI label")
                    .hasSize((int) Math.min(20, bt.path("total").asLong()));
        }
        screenshot("instructions");
    }

    @Test
    @Order(4)
    void aRunSubmittedFromTheFormAppearsAndCompletes() {
        open("#/runs");
        waitFor(Duration.ofSeconds(20), "the runs table", () -> !rows("#runs-table tbody tr").isEmpty());
        set("run-name", "from the form");
        set("run-seeds", String.join("\n", WholePipelineIT.SEEDS));
        set("p-selfInstructRounds", Integer.toString(WholePipelineIT.ROUNDS));
        set("p-functionsPerInstruction", Integer.toString(WholePipelineIT.FUNCTIONS));
        set("p-queriesPerInstruction", Integer.toString(WholePipelineIT.QUERIES));
        set("p-responsesPerQuery", Integer.toString(WholePipelineIT.RESPONSES));
        set("p-judgeSamples", Integer.toString(WholePipelineIT.JUDGE_SAMPLES));
        browser.findElement(By.id("submit-run")).click();
        waitFor(Duration.ofSeconds(30), "the submitted run's id", () -> !rows("#submitted-run").isEmpty());
        String formRun = browser.findElement(By.id("submitted-run")).getAttribute("data-run-id");
        assertThat(formRun).isNotBlank().isNotEqualTo(runId);

        waitFor(Duration.ofMinutes(5), "run " + formRun + " done on the runs page", () -> {
            List<WebElement> status = rows("tr[data-run-id='" + formRun + "'] .status");
            String s = status.isEmpty() ? "" : status.getFirst().getText();
            if (s.equals("failed") || s.equals("cancelled")) {
                throw new AssertionError("run " + formRun + " ended " + s);
            }
            return s.equals("done");
        });
        JsonNode run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + formRun), 200, "run");
        assertThat(run.path("name").asText()).isEqualTo("from the form");
        assertThat(run.path("status").asText()).isEqualTo("done");
        assertThat(run.path("spec").path("parameters").path("responsesPerQuery").asInt())
                .isEqualTo(WholePipelineIT.RESPONSES);
        screenshot("runs");
    }

    /** Every metric the Grafana dashboard under deploy/k8s queries is one a service serves after a run. */
    @Test
    @Order(5)
    void everyMetricTheGrafanaDashboardQueriesIsServed() throws IOException {
        JsonNode grafana = Api.JSON.readTree(root.resolve("deploy/k8s/grafana/autoif-dashboard.json").toFile());
        Set<String> queried = new TreeSet<>();
        Pattern name = Pattern.compile("\\b((?:autoif|jvm|process|http|kafka)_[a-z0-9_]+)");
        for (JsonNode panel : grafana.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = name.matcher(target.path("expr").asText());
                while (m.find()) {
                    queried.add(m.group(1));
                }
            }
        }
        assertThat(queried).as("metrics in the Grafana dashboard").hasSizeGreaterThan(10);
        Set<String> served = new TreeSet<>();
        for (Service s : Service.values()) {
            Api.Reply r = api.getText(stack.url(s) + "/q/metrics");
            assertThat(r.status()).as("%s /q/metrics", s.module).isEqualTo(200);
            r.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(served::add);
        }
        assertThat(served).as("metrics the six services serve after the runs").containsAll(queried);
    }

    // ---------- the page ----------

    private static void open(String hash) {
        browser.get(page + hash);
    }

    private static List<WebElement> rows(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static String text(By by) {
        List<WebElement> e = browser.findElements(by);
        try {
            return e.isEmpty() ? "" : e.getFirst().getText().strip();
        } catch (StaleElementReferenceException rerendered) {
            return "";
        }
    }

    private static void set(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    /** In and out per stage as the funnel shows them, read in one script so a re-render cannot split them. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<Long>> pageFunnel() {
        List<List<Object>> raw = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#funnel .stage')].map(s => [s.dataset.stage,"
                        + " s.querySelector('.in').textContent, s.querySelector('.out').textContent]);");
        Map<String, List<Long>> m = new TreeMap<>();
        raw.forEach(r -> m.put((String) r.get(0), List.of(number((String) r.get(1)), number((String) r.get(2)))));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Long>> pageDrops() {
        List<List<Object>> raw = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#funnel .stage .drop')].map(d => [d.closest('.stage')"
                        + ".dataset.stage, d.dataset.reason, d.querySelector('b').textContent]);");
        Map<String, Map<String, Long>> m = new TreeMap<>();
        for (List<Object> r : raw) {
            m.computeIfAbsent((String) r.get(0), k -> new TreeMap<>()).put((String) r.get(1),
                    number((String) r.get(2)));
        }
        return m;
    }

    private static long number(String shown) {
        return Long.parseLong(shown.replace(",", "").strip());
    }

    private static void screenshot(String name) {
        try {
            Path dir = root.resolve("docs/dashboard");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + ": " + e.getMessage(), e);
        }
    }

    private static void waitFor(Duration within, String what, BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, within, Duration.ofMillis(300))
                    // the runs and run pages re-render every few seconds
                    .ignoring(StaleElementReferenceException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            List<String> dead = stack.deadServices();
            throw new AssertionError("waited " + within + " for " + what + " at " + browser.getCurrentUrl()
                    + "; page error: " + text(By.id("error")) + (dead.isEmpty() ? "" : "; dead services: " + dead),
                    e);
        }
    }

    // ---------- the API ----------

    private JsonNode samples(String query) {
        return api.expect(api.get(stack.url(Service.EXPORT) + "/runs/" + runId + "/samples?" + query), 200,
                "samples " + query);
    }

    private String submitSeededRun() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("selfInstructRounds", WholePipelineIT.ROUNDS);
        parameters.put("functionsPerInstruction", WholePipelineIT.FUNCTIONS);
        parameters.put("queriesPerInstruction", WholePipelineIT.QUERIES);
        parameters.put("responsesPerQuery", WholePipelineIT.RESPONSES);
        parameters.put("judgeSamples", WholePipelineIT.JUDGE_SAMPLES);
        parameters.put("seed", 42);
        return api.expect(api.submitRun(stack.url(Service.INSTRUCTION) + "/runs", Map.of("name", "e2e",
                "seedInstructions", WholePipelineIT.SEEDS, "parameters", parameters, "corpusId", "sample")), 201,
                "POST /runs").path("runId").asText();
    }

    private JsonNode awaitDone(String id, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            assertThat(stack.deadServices()).as("services that died during the run").isEmpty();
            JsonNode run = api.expect(api.get(stack.url(Service.INSTRUCTION) + "/runs/" + id), 200, "run");
            String status = run.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                assertThat(status).as("run %s (logs in %s)", id, work.resolve("logs")).isEqualTo("done");
                return run;
            }
            Stack.sleep(2000);
        }
        throw new AssertionError("run " + id + " not done within " + within + "; logs in " + work.resolve("logs"));
    }
}
