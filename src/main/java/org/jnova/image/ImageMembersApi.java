package org.jnova.image;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jnova.context.RequestContext;
import org.jnova.db.GlanceImageStore;
import org.jnova.db.ImageMemberStore;
import org.jnova.objects.GlanceImage;
import org.jnova.objects.Image;
import org.jnova.objects.ImageMember;

/**
 * glance's image members: only shared images have them; the owner (or an admin) adds and
 * removes them, up to {@code image_member_quota}; each member sets its own status. A member
 * sees only its own membership, the owner all of them; an image the caller cannot see is not
 * found. Checks run in glance's order, with its messages.
 */
public final class ImageMembersApi {
    private final GlanceImageStore images;
    private final ImageMemberStore members;
    private final LocalImagesApi visibility;
    private final long memberQuota;

    /** @param memberQuota most members an image may have; negative: no limit */
    public ImageMembersApi(GlanceImageStore images, ImageMemberStore members, LocalImagesApi visibility,
            long memberQuota) {
        this.images = requireNonNull(images, "images is null");
        this.members = requireNonNull(members, "members is null");
        this.visibility = requireNonNull(visibility, "visibility is null");
        this.memberQuota = memberQuota;
    }

    public List<ImageMember> list(RequestContext ctx, String imageId) {
        GlanceImage image = lookup(ctx, imageId);
        if (!shared(image)) {
            throw GlanceError.forbidden("Not allowed to list members for image " + imageId
                    + ": Only shared images have members.");
        }
        if (ctx.isAdmin() || owns(ctx, image)) {
            return members.list(imageId);
        }
        String project = ctx.projectId().orElse("");
        return members.list(imageId).stream().filter(m -> m.memberId().equals(project)).toList();
    }

    public ImageMember get(RequestContext ctx, String imageId, String memberId) {
        GlanceImage image = lookup(ctx, imageId);
        if (!shared(image)) {
            throw new GlanceError(404, "Only shared images have members.");
        }
        return member(ctx, image, memberId);
    }

    public ImageMember add(RequestContext ctx, String imageId, String memberId) {
        GlanceImage image = lookup(ctx, imageId);
        if (!shared(image)) {
            throw GlanceError.forbidden("Not allowed to create members for image " + imageId + ".");
        }
        if (!ctx.isAdmin() && !owns(ctx, image)) {
            throw GlanceError.forbidden("You are not authorized to complete add_member action.");
        }
        switch (members.add(imageId, memberId, memberQuota)) {
            case OVER_QUOTA -> throw new GlanceError(413, "Image member limit exceeded for image " + imageId
                    + ": The limit has been exceeded on the number of allowed image members for this image. "
                    + "Attempted: " + (members.count(imageId) + 1) + ", Maximum: " + memberQuota + ":");
            case DUPLICATE -> throw GlanceError.conflict("Member " + memberId + " is duplicated for image "
                    + imageId);
            default -> {
            }
        }
        return members.get(imageId, memberId).orElseThrow(() -> notAMember(memberId, imageId));
    }

    /** The member's own answer (pending, accepted, rejected); the owner cannot give it. */
    public ImageMember update(RequestContext ctx, String imageId, String memberId, Object status) {
        GlanceImage image = lookup(ctx, imageId);
        if (!shared(image)) {
            throw GlanceError.forbidden("Not allowed to update members for image " + imageId + ".");
        }
        member(ctx, image, memberId);
        if (!ctx.isAdmin() && owns(ctx, image)) {
            throw GlanceError.forbidden("You are not authorized to complete modify_member action.");
        }
        if (!(status instanceof String s) || !ImageMember.STATUSES.contains(s)) {
            throw GlanceError.badRequest("Incorrect request: Status must be \"pending\", \"accepted\" or "
                    + "\"rejected\".");
        }
        if (!members.setStatus(imageId, memberId, s)) {
            throw notAMember(memberId, imageId);
        }
        return member(ctx, image, memberId);
    }

    public void remove(RequestContext ctx, String imageId, String memberId) {
        GlanceImage image = lookup(ctx, imageId);
        if (!shared(image)) {
            throw GlanceError.forbidden("Not allowed to delete members for image " + imageId + ".");
        }
        member(ctx, image, memberId);
        if (!ctx.isAdmin() && !owns(ctx, image)) {
            throw GlanceError.forbidden("You are not authorized to complete delete_member action.");
        }
        if (!members.remove(imageId, memberId)) {
            throw notAMember(memberId, imageId);
        }
    }

    private GlanceImage lookup(RequestContext ctx, String imageId) {
        return images.get(imageId).filter(g -> visibility.visible(ctx, g.image()))
                .orElseThrow(() -> new GlanceError(404, "Image " + imageId + " not found."));
    }

    /** A membership the caller may see: any for the owner and admins, else only its own. */
    private ImageMember member(RequestContext ctx, GlanceImage image, String memberId) {
        boolean mayLook = ctx.isAdmin() || owns(ctx, image) || ctx.projectId().map(memberId::equals).orElse(false);
        return members.get(image.id(), memberId).filter(m -> mayLook)
                .orElseThrow(() -> notAMember(memberId, image.id()));
    }

    private static GlanceError notAMember(String memberId, String imageId) {
        return new GlanceError(404, memberId + " not found in the member list of the image " + imageId + ".");
    }

    private static boolean shared(GlanceImage image) {
        return Image.SHARED.equals(image.image().visibility());
    }

    private static boolean owns(RequestContext ctx, GlanceImage image) {
        String owner = image.image().owner();
        return owner != null && ctx.projectId().map(owner::equals).orElse(false);
    }
}
