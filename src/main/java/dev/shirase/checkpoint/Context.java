package dev.shirase.checkpoint;

/** A group of resources notified together; {@code org.crac.Core} registers its resources with the global one. */
public abstract class Context<R extends Resource> implements Resource {
    protected Context() {
    }

    public abstract void register(R resource);
}
