package org.pediconsult.specialty.dermatology.internal.rest;

import java.io.InputStream;
import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.specialty.dermatology.internal.photo.PhotoReceipt;
import org.pediconsult.specialty.dermatology.internal.photo.RashPhotos;
import org.pediconsult.specialty.dermatology.internal.photo.StoredPhoto;

/**
 * {@code /api/dermatology/photos}: a guardian uploads a rash photo as the raw request body and gets
 * its id for the questionnaire; the guardian and the treating dermatologist fetch it back. Photos
 * are never cached by browsers or proxies.
 */
@Component(service = RestResource.class)
@Path("dermatology/photos")
public class PhotoResource implements RestResource {
    private final RashPhotos photos;

    @Activate
    public PhotoResource(@Reference RashPhotos photos) {
        this.photos = photos;
    }

    @POST
    @Consumes({"image/jpeg", "image/png", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.GUARDIAN)
    @BodyLimit(RashPhotos.MAX_UPLOAD_BYTES)
    public Response upload(@Context SecurityContext sc, @QueryParam("child") String childId,
                           @QueryParam("filename") String filename,
                           @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        if (filename == null || filename.isBlank() || filename.length() > 255) {
            throw ProblemException.badField("filename", "filename is required: the photo's file name, e.g. rash.jpg");
        }
        PhotoReceipt receipt = photos.upload(AuthenticatedUser.of(sc), childId, filename, contentType, body);
        return Response.created(URI.create("dermatology/photos/" + receipt.id)).entity(receipt).build();
    }

    @GET
    @Path("{id}")
    @Produces({"image/jpeg", "image/png"})
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public Response read(@Context SecurityContext sc, @PathParam("id") String id) {
        StoredPhoto photo = photos.open(AuthenticatedUser.of(sc), id);
        // Patient photos must not linger in browser or proxy caches (the platform already adds nosniff).
        return Response.ok(photo.bytes, photo.contentType).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
