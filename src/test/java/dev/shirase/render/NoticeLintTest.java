package dev.shirase.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shirase.testing.Events;
import dev.shirase.testing.NoticeLint;
import java.nio.file.Path;
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
}
