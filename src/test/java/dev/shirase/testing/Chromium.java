package dev.shirase.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}), driven over the DevTools protocol: one browser for every page, each
 * page laid out at an exact width, measured, and photographed whole. The command line's {@code --screenshot} starts a
 * browser per picture and lays pages out at least 500 px wide, whatever the window size; the protocol does neither.
 *
 * <p>Below 600 px the page is laid out as a phone lays it out (mobile emulation), so a page without a viewport meta is
 * laid out 980 px wide and fails the check. Every wait is bounded; {@link #close} ends the browser and every process it
 * started, found by this instance's own profile directory.
 */
public final class Chromium implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    /** Widths below this are phones: mobile emulation, which honours the viewport meta. */
    private static final int PHONE = 600;
    /** The tallest picture: a page longer than this is photographed down to here. */
    private static final int MAX_HEIGHT = 16_000;

    /**
     * The document's width and the window's, and the elements that run past the width asked for (the first few, by tag
     * and text), for a failure message that points at the culprit. A phone widens its window to fit content that runs
     * off it (and shrinks the page to show it all), so the elements are measured against the width asked for.
     */
    private static final String MEASURE = """
            ((width) => {
              const root = document.documentElement;
              const over = [];
              for (const e of document.body.querySelectorAll('*')) {
                // Past the right edge, or content spilling out of its own box (a box that scrolls keeps it in).
                const right = Math.max(e.getBoundingClientRect().right,
                    getComputedStyle(e).overflowX === 'visible' ? e.getBoundingClientRect().left + e.scrollWidth : 0);
                if (right > width + 0.5 && over.length < 5) {
                  over.push(e.tagName.toLowerCase() + ' ' + Math.round(right) + 'px: '
                      + (e.textContent || '').trim().slice(0, 80));
                }
              }
              return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth, height: root.scrollHeight, over: over};
            })""";

    /**
     * A page as laid out at one width.
     *
     * @param scrollWidth the document's scroll width
     * @param innerWidth  the window's width in CSS pixels
     * @param height      the document's height
     * @param overflowing elements that run past the right edge, described
     */
    public record Layout(int scrollWidth, int innerWidth, int height, List<String> overflowing) {
        /** Nothing runs sideways off the screen: the document is exactly as wide as the window that was asked for. */
        public boolean fits(int width) {
            return scrollWidth == width && innerWidth == width;
        }
    }

    private final Process process;
    private final Path profile;
    private final Duration timeout;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();
    private String session;

    private Chromium(Process process, Path profile, Duration timeout, String url) throws Exception {
        this.process = process;
        this.profile = profile;
        this.timeout = timeout;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
                .buildAsync(URI.create(url), new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Debian's {@code chromium} (or Ubuntu's {@code chromium-browser}) on the PATH. */
    public static Optional<Path> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .flatMap(dir -> Stream.of("chromium", "chromium-browser").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts a headless browser with a profile of its own, waiting at most {@code timeout} for it to listen. */
    public static Chromium start(Path binary, Duration timeout) throws Exception {
        Path profile = Files.createTempDirectory("shirase-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--mute-audio", "--remote-debugging-port=0", "--user-data-dir=" + profile,
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            // Read standard error to its end, so the browser never blocks on a full pipe; the first match is the URL.
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    } else if (seen.length() < 4000) {
                        seen.append(line).append('\n');
                    }
                }
                url.completeExceptionally(new IOException("chromium ended before it listened:\n" + seen));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, profile, timeout, url.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (Exception e) {
            end(process, profile);
            throw e;
        }
    }

    /**
     * Opens {@code page} in a tab {@code width} CSS pixels wide, measures its layout after it has loaded, and, when
     * {@code png} is not null, saves a picture of the whole page there.
     */
    public Layout open(Path page, int width, Path png) throws Exception {
        String session = tab();
        send(session, "Emulation.setDeviceMetricsOverride", MAPPER.createObjectNode().put("width", width)
                .put("height", 900).put("deviceScaleFactor", 1).put("mobile", width < PHONE));
        CompletableFuture<JsonNode> loaded = new CompletableFuture<>();
        events.put(session + " Page.loadEventFired", loaded);
        send(session, "Page.navigate", MAPPER.createObjectNode().put("url", page.toUri().toString()));
        loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode value = send(session, "Runtime.evaluate", MAPPER.createObjectNode()
                .put("expression", MEASURE + "(" + width + ")").put("returnByValue", true)).at("/result/value");
        List<String> over = new ArrayList<>();
        value.get("over").forEach(o -> over.add(o.asText()));
        Layout layout = new Layout(value.get("scrollWidth").asInt(), value.get("innerWidth").asInt(),
                value.get("height").asInt(), over);
        if (png != null) {
            ObjectNode clip = MAPPER.createObjectNode().put("x", 0).put("y", 0).put("width", width)
                    .put("height", Math.min(Math.max(layout.height(), 1), MAX_HEIGHT)).put("scale", 1);
            ObjectNode shot = MAPPER.createObjectNode().put("format", "png").put("captureBeyondViewport", true);
            shot.set("clip", clip);
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.write(png, Base64.getDecoder().decode(send(session, "Page.captureScreenshot", shot).get("data").asText()));
        }
        return layout;
    }

    /** The one tab every page opens in, made on first use: a new tab per page costs more than the page itself. */
    private synchronized String tab() throws Exception {
        if (session == null) {
            String target = send(null, "Target.createTarget", MAPPER.createObjectNode().put("url", "about:blank"))
                    .get("targetId").asText();
            session = send(null, "Target.attachToTarget", MAPPER.createObjectNode().put("targetId", target)
                    .put("flatten", true)).get("sessionId").asText();
            send(session, "Page.enable", MAPPER.createObjectNode());
        }
        return session;
    }

    private JsonNode send(String session, String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        synchronized (socket) {
            socket.sendText(message.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        JsonNode answer;
        try {
            answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("chromium did not answer " + method + " within " + timeout);
        } finally {
            replies.remove(id);
        }
        if (answer.has("error")) {
            throw new IOException("chromium: " + method + ": " + answer.get("error"));
        }
        return answer.get("result");
    }

    /** Collects each message's parts, then hands it to the command it answers or the event it reports. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                try {
                    JsonNode message = MAPPER.readTree(parts.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.get(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    } else if (message.has("method")) {
                        CompletableFuture<JsonNode> waiting =
                                events.remove(message.path("sessionId").asText() + " " + message.get("method").asText());
                        if (waiting != null) {
                            waiting.complete(message);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    parts.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            socket.sendText("{\"id\":0,\"method\":\"Browser.close\"}", true).get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Ended below in any case.
        }
        socket.abort();
        end(process, profile);
    }

    /**
     * Ends the browser and every helper process it started: those still under it, and any left behind with our
     * profile directory on their command line, each by its own handle. Then removes the profile.
     */
    private static void end(Process process, Path profile) {
        List<ProcessHandle> ours = new ArrayList<>(process.descendants().toList());
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String marker = "--user-data-dir=" + profile;
        ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                .map(args -> Arrays.asList(args).contains(marker)).orElse(false)).forEach(ours::add);
        ours.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory: left for the system to clean.
        }
    }
}
