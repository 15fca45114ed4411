package org.pediconsult.video.internal;

import java.sql.Connection;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;

/**
 * Ending the consultation closes its room for everyone: completed, referred (end-and-refer),
 * cancelled or no-show. Closing an already closed room does nothing, so redelivery is harmless.
 */
@Component(service = EventListener.class, property = {
        EventListener.CONSUMER + "=video-rooms",
        EventListener.TOPICS + "=pediconsult.consultation.completed",
        EventListener.TOPICS + "=pediconsult.consultation.referred",
        EventListener.TOPICS + "=pediconsult.consultation.cancelled",
        EventListener.TOPICS + "=pediconsult.consultation.no-show"})
public class RoomCloser implements EventListener {
    private final VideoRooms rooms;

    @Activate
    public RoomCloser(@Reference VideoRooms rooms) {
        this.rooms = rooms;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) {
        if (event.aggregateId() != null) {
            rooms.hub().closeRoom(event.aggregateId(), event.name());
        }
    }
}
