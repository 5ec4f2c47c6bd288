package dev.portcullis.api;

import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;
import dev.portcullis.accounts.Grants;
import dev.portcullis.accounts.User;
import dev.portcullis.accounts.UserGroup;
import dev.portcullis.security.core.Errors;
import dev.portcullis.security.core.ValidationError;
import dev.portcullis.security.guard.Permissions;
import dev.portcullis.api.permissions.IsSuperuser;
import dev.portcullis.web.Payload;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;

/** Groups and their members, for staff only; grants to a group go through {@code /api/admin/grants/}. */
@Path("/api/admin/groups/")
@Permissions(IsSuperuser.class)
public class GroupResource {

    /** A group with its members' usernames and the model permissions granted to it. */
    public record GroupView(String name, List<String> members, List<String> permissions) {
    }

    private final Grants grants;

    public GroupResource(Grants grants) {
        this.grants = grants;
    }

    @GET
    @Transactional
    public List<GroupView> list() {
        return UserGroup.<UserGroup>listAll(io.quarkus.panache.common.Sort.by("name")).stream().map(this::view).toList();
    }

    @POST
    @Transactional
    @ResponseStatus(201)
    public GroupView create(
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.NewGroup.class)))
            Payload payload) {
        String name = payload.text("name").maxLength(150).required();
        payload.validate();
        return view(grants.createGroup(name));
    }

    @GET
    @Path("{name}/")
    @Transactional
    public GroupView retrieve(@PathParam("name") String name) {
        return view(find(name));
    }

    @DELETE
    @Path("{name}/")
    @Transactional
    @ResponseStatus(204)
    public void destroy(@PathParam("name") String name) {
        find(name).delete();
    }

    @POST
    @Path("{name}/members/")
    @Transactional
    @ResponseStatus(201)
    public GroupView addMember(@PathParam("name") String name,
            @RequestBody(required = true, content = @Content(mediaType = APPLICATION_JSON,
                    schema = @Schema(implementation = AuthBodies.GroupMember.class)))
            Payload payload) {
        UserGroup group = find(name);
        String username = payload.text("username").required();
        payload.validate();
        User user = User.findByUsername(username).orElseThrow(() ->
                ValidationError.of("username", "Object with username=" + username + " does not exist."));
        grants.addMember(group, user);
        return view(group);
    }

    @DELETE
    @Path("{name}/members/{username}/")
    @Transactional
    @ResponseStatus(204)
    public void removeMember(@PathParam("name") String name, @PathParam("username") String username) {
        grants.removeMember(find(name), User.findByUsername(username).orElseThrow(Errors::notFound));
    }

    private GroupView view(UserGroup group) {
        return new GroupView(group.name, grants.membersOf(group), grants.modelPermissionsOf(Grants.Grantee.group(group)));
    }

    private static UserGroup find(String name) {
        return UserGroup.findByName(name).orElseThrow(Errors::notFound);
    }
}
