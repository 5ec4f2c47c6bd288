package dev.portcullis.viewsets;

/** What a viewset class declares beyond its serializer, bound to its entity at start-up. */
record Declarations(ListFilters filters, ValidationHooks hooks) {
}
