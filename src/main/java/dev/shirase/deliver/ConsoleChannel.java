package dev.shirase.deliver;

import dev.shirase.render.Outgoing;
import java.io.PrintStream;

/** Prints the notice: the default when no channel is configured, so the tools work with no AWS account. */
public final class ConsoleChannel implements Channel {
    private final PrintStream out;

    public ConsoleChannel(PrintStream out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public Delivery prepare(Outgoing notice) {
        String subject = notice.subject();
        String text = notice.text();
        return budget -> {
            synchronized (out) {
                out.println("件名: " + subject);
                out.println();
                out.print(text);
                out.flush();
            }
        };
    }
}
