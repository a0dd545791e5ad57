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
    public void send(Outgoing notice) {
        out.println("件名: " + notice.subject());
        out.println();
        out.print(notice.text());
        out.flush();
    }
}
