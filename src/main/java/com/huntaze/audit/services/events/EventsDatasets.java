package com.huntaze.audit.services.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huntaze.audit.engine.Scope;
import com.huntaze.audit.inventory.Dataset;
import java.util.List;

/** The datasets of the events (EventBridge) service, each filled by one of its collectors. */
public final class EventsDatasets {
    private EventsDatasets() {
    }

    /** The rules of every event bus, each with its targets. */
    public static final Dataset<List<EventRule>> RULES =
            new Dataset<>("events.rules", Scope.REGIONAL, "events", new TypeReference<>() { });
}
