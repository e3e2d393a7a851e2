package io.switchboard.conversations.boundary.rest;

import io.switchboard.conversations.boundary.ConversationView;
import io.switchboard.conversations.boundary.Conversations;
import io.switchboard.conversations.boundary.HistoryPage;
import io.switchboard.conversations.boundary.HistoryQuery;
import io.switchboard.delivery.boundary.ws.FrameEncoder;
import io.switchboard.delivery.boundary.ws.JsonWriter;
import io.switchboard.platform.ErrorCode;
import io.switchboard.platform.Refusal;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.stream.Collectors;

@Path("conversations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    public record CreateRequest(String type, String with, String name, List<String> members) {
    }

    public record MemberRequest(String user) {
    }

    @EJB
    Conversations conversations;

    @Context
    SecurityContext security;

    @POST
    public ConversationView create(CreateRequest request) {
        if (request == null || request.type() == null) {
            throw new Refusal(ErrorCode.MISSING_FIELD, "type is required: direct or group.");
        }
        return switch (request.type()) {
            case "direct" -> conversations.createDirect(me(), request.with());
            case "group" -> conversations.createGroup(me(), request.name(), request.members());
            default -> throw new Refusal(ErrorCode.INVALID_FIELD, "type must be direct or group.");
        };
    }

    @GET
    public List<ConversationView> mine() {
        return conversations.mine(me());
    }

    @GET
    @Path("{id}")
    public ConversationView get(@PathParam("id") String id) {
        return conversations.get(me(), id);
    }

    @POST
    @Path("{id}/members")
    public ConversationView addMember(@PathParam("id") String id, MemberRequest request) {
        return conversations.addMember(me(), id, request == null ? null : request.user());
    }

    @DELETE
    @Path("{id}/members/{user}")
    public ConversationView removeMember(@PathParam("id") String id, @PathParam("user") String user) {
        return conversations.removeMember(me(), id, user);
    }

    @GET
    @Path("{id}/messages")
    public String history(@PathParam("id") String id, @QueryParam("after") Long after,
            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        HistoryPage page = conversations.history(me(), id,
                new HistoryQuery(after, before, limit == null ? HistoryQuery.DEFAULT_LIMIT : limit));
        String messages = page.messages().stream()
                .map(m -> FrameEncoder.message(new JsonWriter(), m).close())
                .collect(Collectors.joining(",", "[", "]"));
        return new JsonWriter().raw("messages", messages).field("hasMore", page.hasMore()).close();
    }

    private String me() {
        return security.getUserPrincipal().getName();
    }
}
