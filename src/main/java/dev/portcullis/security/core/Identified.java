package dev.portcullis.security.core;

/** An object that object permissions can be granted on: the primary key grants refer to. */
public interface Identified {

    Long primaryKey();
}
