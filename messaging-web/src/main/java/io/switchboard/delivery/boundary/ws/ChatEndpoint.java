package io.switchboard.delivery.boundary.ws;

import io.switchboard.delivery.control.DeviceSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The chat socket on Liberty's WebSocket container. Authentication happened at the upgrade (web.xml, MP-JWT); the
 * protocol itself is {@link Chat}'s. One instance serves every connection ({@link SharedEndpoint}): what belongs to
 * a connection lives in the session's user properties.
 */
@ApplicationScoped
@ServerEndpoint(value = "/ws", configurator = SharedEndpoint.class)
public class ChatEndpoint {

    private static final Logger LOG = Logger.getLogger(ChatEndpoint.class.getName());
    private static final String CONNECTION = "switchboard.connection";
    private static final String DEVICE_SESSION = "switchboard.deviceSession";
    /** Above this the container closes with 1009 before the endpoint sees the frame. */
    static final int CONTAINER_FRAME_LIMIT = 65_536;

    @Inject
    Chat chat;

    @OnOpen
    public void open(Session session) {
        String device = parameter(session, "device");
        var connection = new WsConnection(session, session.getUserPrincipal().getName(), Chat.deviceId(device),
                chat.outboundQueue(), chat.sendWindow(), Chat.ENCODER, chat.telemetry());
        session.getUserProperties().put(CONNECTION, connection);
        DeviceSession delivery = chat.open(connection, device, parameter(session, "resume"));
        if (delivery != null) {
            session.getUserProperties().put(DEVICE_SESSION, delivery);
        }
    }

    @OnMessage(maxMessageSize = CONTAINER_FRAME_LIMIT)
    public void text(Session session, String text) {
        WsConnection connection = (WsConnection) session.getUserProperties().get(CONNECTION);
        DeviceSession delivery = (DeviceSession) session.getUserProperties().get(DEVICE_SESSION);
        if (connection != null && delivery != null) {
            chat.text(connection, delivery, text);
        }
        // else refused or failed at open, and closing
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        WsConnection connection = (WsConnection) session.getUserProperties().get(CONNECTION);
        if (connection != null) {
            chat.binary(connection);
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        WsConnection connection = (WsConnection) session.getUserProperties().remove(CONNECTION);
        DeviceSession delivery = (DeviceSession) session.getUserProperties().remove(DEVICE_SESSION);
        if (connection != null) {
            chat.closed(connection, delivery, reason.getCloseCode().getCode());
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "event=socket_error session=" + session.getId(), failure);
    }

    private static String parameter(Session session, String name) {
        List<String> values = session.getRequestParameterMap().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
