package dev.interleave.primitives;

/** Two connected ends; what one sends, the other receives, in order (duplex). */
public record Pipe<T>(Connection<T> left, Connection<T> right) {}
