package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.notice.Announcement;
import dev.shirase.notice.Notice;
import dev.shirase.testing.Events;
import dev.shirase.testing.NoticeLint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample's notice reads as a careful Japanese engineer would write it. */
class NoticeLintTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.shirase.testing.Events#notifierSamples")
    void samplesHaveNothingANativeReaderWouldFlag(Path sample) {
        RenderedNotice rendered = RenderingFixtures.rendered(Events.sample(sample.getFileName().toString()));

        assertThat(NoticeLint.problems(rendered)).isEmpty();
    }

    static Stream<Path> realShapedEvents() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/real-shaped"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** Events shaped like AWS's own, across services, which the samples do not cover. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("realShapedEvents")
    void realShapedEventsHaveNothingANativeReaderWouldFlag(Path event) throws IOException {
        RenderedNotice rendered = RenderingFixtures.rendered(Files.readAllBytes(event));

        assertThat(NoticeLint.problems(rendered)).isEmpty();
    }

    /** The lint itself: a notice whose event no longer holds its versions is flagged for each of them. */
    @Test
    void flagsFactsTheEventDoesNotHold() {
        Notice notice = RenderingFixtures.notice(Events.sample("health-rds-aurora-postgresql-security-upgrade.json"));
        Announcement a = notice.announcement();
        Announcement withoutRaw = new Announcement(a.origin(), a.eventId(), a.detailType(), a.service(), a.code(),
                a.eventCategory(), a.status(), a.actionability(), a.account(), a.region(), a.resources(), a.schedule(),
                a.description(), a.eventArn(), a.communicationId(), a.paging(), a.metadata(), "{}", a.readError());
        Notice stripped = new Notice(withoutRaw, notice.category(), notice.obligation(), notice.stage(),
                notice.deadline(), notice.title(), notice.rule(), notice.databases());

        assertThat(NoticeLint.problems(RenderedNotice.of(stripped, RenderingFixtures.NOW)))
                .anyMatch(p -> p.startsWith("version 15.7 not in the event"))
                .anyMatch(p -> p.startsWith("number 15.12 not in the event"));
    }
}
