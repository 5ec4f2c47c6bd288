package dev.portcullis.api;

import dev.portcullis.security.guard.AccessExplanation;
import dev.portcullis.security.guard.Metadata;
import dev.portcullis.security.permission.Decision;
import dev.portcullis.viewsets.GenericViewSet;
import dev.portcullis.viewsets.ModelViewSet;
import dev.portcullis.viewsets.ReadOnlyModelViewSet;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native executable must keep for reflection: the resources, whose annotations the guard reads at
 * start-up to resolve policies, and the answers Jackson writes that are not a resource method's own return
 * type. {@code NativeRegistrationsTest} fails when a resource is missing here.
 */
@RegisterForReflection(methods = true, targets = {
        AdminUserResource.class,
        AuthResource.class,
        DocumentResource.class,
        GrantResource.class,
        GroupResource.class,
        NoteResource.class,
        WebhookResource.class,
        ProbeViews.SessionFirst.class,
        ExampleViews.DataView.class, ExampleViews.PrivateView.class, ExampleViews.PublicView.class,
        ExampleViews.AdminOnlyView.class, ExampleViews.VerifiedOnlyView.class,
        JwtResource.class,
        MeResource.class,
        MetaResource.class,
        PostResource.class,
        GenericViewSet.class, ReadOnlyModelViewSet.class, ModelViewSet.class,
        ProbeViews.Probe.class, ProbeViews.Ping.class, ProbeViews.NoAuth.class, ProbeViews.JwtFirst.class, ProbeViews.TokenOnly.class,
        ProbeViews.Basic.class, ProbeViews.ReadOnly.class, ProbeViews.Composite.class, ProbeViews.NotStaff.class,
        ProbeViews.OrPosts.class, ProbeViews.NotesAnon.class,
        RegisterResource.class,
        TokenResource.class,
        AccessExplanation.class, AccessExplanation.Verdict.class, Decision.class, Metadata.class,
})
public final class NativeRegistrations {

    private NativeRegistrations() {
    }
}
