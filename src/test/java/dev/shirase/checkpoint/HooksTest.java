package dev.shirase.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local runtime calls the hooks as a checkpoint and a restore do: in order, all of them, failures together. */
class HooksTest {
    private final Hooks hooks = new Hooks();
    private final List<String> calls = new ArrayList<>();

    private Resource recording(String name, boolean failBefore) {
        return new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                calls.add("before " + name);
                if (failBefore) {
                    throw new IllegalStateException(name + " cannot be snapshotted");
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                calls.add("after " + name);
            }
        };
    }

    @Test
    void checkpointRunsTheLastRegisteredFirstAndRestoreRunsInOrder() throws Exception {
        hooks.register(recording("first", false));
        hooks.register(recording("second", false));

        hooks.beforeCheckpoint(null);
        hooks.afterRestore(null);

        assertThat(calls).containsExactly("before second", "before first", "after first", "after second");
    }

    @Test
    void aFailingHookDoesNotStopTheOthers() {
        hooks.register(recording("broken", true));
        hooks.register(recording("fine", false));

        assertThatThrownBy(() -> hooks.beforeCheckpoint(null)).isInstanceOf(CheckpointException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("broken cannot be snapshotted")));
        assertThat(calls).containsExactly("before fine", "before broken");
    }

    @Test
    void useMakesThisPackageTheRuntimeThatOrgCracLooksFor() {
        String before = System.getProperty(Core.COMPAT);
        try {
            Core.use();

            assertThat(System.getProperty(Core.COMPAT)).isEqualTo("dev.shirase.checkpoint");
        } finally {
            if (before == null) {
                System.clearProperty(Core.COMPAT);
            } else {
                System.setProperty(Core.COMPAT, before);
            }
        }
    }
}
