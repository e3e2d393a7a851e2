package io.switchboard.sync.boundary.rest;

import io.switchboard.sync.boundary.Sync;
import io.switchboard.sync.boundary.SyncAnswer;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@Path("sync")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    @EJB
    Sync sync;

    @Context
    SecurityContext security;

    @GET
    public SyncAnswer changes(@QueryParam("since") String since, @QueryParam("device") String device) {
        return sync.changes(security.getUserPrincipal().getName(), device, since);
    }
}
