package org.pediconsult.specialty.dermatology.internal.photo;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.specialty.dermatology.DermatologySpecialty;
import org.pediconsult.specialty.dermatology.internal.store.PhotoRow;
import org.pediconsult.specialty.dermatology.internal.store.PhotoStore;
import org.pediconsult.platform.api.data.Tx;

/**
 * The rash photo archive: a guardian uploads photos of their child, the child's guardians and the
 * dermatologist treating the child look at them, nobody else learns that they exist. Every upload
 * is stored with its audit record in one transaction; every read is audited before the bytes leave.
 * Migrates {@code derm_photo} on activation. Decoding limits: {@code etc/org.pediconsult.dermatology.cfg}.
 */
@Component(service = RashPhotos.class, configurationPid = "org.pediconsult.dermatology")
@Designate(ocd = PhotoConfig.class)
public class RashPhotos {
    static final String MODULE = "dermatology";
    static final String RESOURCE_TYPE = "dermatology-photo";
    /** 5 MiB: a phone photo fits; a raw camera file or a video does not. */
    public static final long MAX_UPLOAD_BYTES = 5_242_880;

    private final Tx tx;
    private final PhotoStore store = new PhotoStore();
    private final PhotoSanitizer sanitizer;
    private final AuditTrail audit;
    private final ChildRecords children;
    private final Clock clock;

    @Activate
    public RashPhotos(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                      @Reference SchemaMigrations migrations, @Reference AuditTrail audit,
                      @Reference ChildRecords children, @Reference Clock clock, PhotoConfig config,
                      BundleContext context) {
        this(dataSource, migrations, audit, children, clock, context.getBundle(), PhotoLimits.of(config));
    }

    RashPhotos(DataSource dataSource, SchemaMigrations migrations, AuditTrail audit, ChildRecords children, Clock clock,
               Bundle bundle) {
        this(dataSource, migrations, audit, children, clock, bundle, PhotoLimits.defaults());
    }

    private RashPhotos(DataSource dataSource, SchemaMigrations migrations, AuditTrail audit, ChildRecords children,
                       Clock clock, Bundle bundle, PhotoLimits limits) {
        migrations.migrate(bundle, MODULE);
        this.sanitizer = new PhotoSanitizer(limits);
        this.tx = new Tx(dataSource);
        this.audit = audit;
        this.children = children;
        this.clock = clock;
    }

    /**
     * Checks the caller before reading the body, so a stranger cannot make the server buffer and
     * decode 5 MiB; then sanitizes, stores and audits.
     */
    public PhotoReceipt upload(AuthenticatedUser caller, String childId, String filename, String declaredType,
                               InputStream body) {
        requireGuardian(caller, childId);
        SanitizedPhoto photo = sanitizer.sanitize(BoundedBody.read(body, MAX_UPLOAD_BYTES), declaredType, filename);
        PhotoRow row = new PhotoRow(Ids.newId(), childId, caller.username(), photo.kind.mediaType, photo.bytes.length,
                sha256(photo.bytes), photo.width, photo.height, clock.instant(), photo.bytes);
        tx.inTransaction(c -> {
            store.insert(c, row);
            audit.record(c, new AuditEntry(caller.username(), AuditEntry.Action.CREATE, RESOURCE_TYPE, row.id, childId,
                    row.contentType + " " + row.width + "x" + row.height + ", " + row.byteSize + " bytes"));
            return null;
        });
        return new PhotoReceipt(row.id, row.contentType, row.width, row.height, row.byteSize);
    }

    /** The photo, for the child's guardian or treating dermatologist; 404 for anyone else, as for a missing id. */
    public StoredPhoto open(AuthenticatedUser caller, String photoId) {
        if (!Ids.isId(photoId)) {
            throw ProblemException.notFound("photo");
        }
        PhotoRow meta = tx.read(c -> store.meta(c, photoId));
        if (meta == null || !maySee(caller, meta.childId)) {
            throw ProblemException.notFound("photo");
        }
        byte[] bytes = tx.read(c -> store.content(c, photoId));
        if (bytes == null) {
            throw ProblemException.notFound("photo");
        }
        audit.record(new AuditEntry(caller.username(), AuditEntry.Action.READ, RESOURCE_TYPE, photoId, meta.childId,
                meta.contentType));
        return new StoredPhoto(meta.contentType, bytes);
    }

    private void requireGuardian(AuthenticatedUser caller, String childId) {
        if (childId == null || !Ids.isId(childId)) {
            throw ProblemException.badField("child", "child must be the id of one of your children");
        }
        if (children.isGuardian(caller, childId)) {
            return;
        }
        children.child(caller, childId); // 404 for a child the caller may not see: existence stays hidden
        throw ProblemException.forbidden("only a guardian of the child may upload photos of the child");
    }

    private boolean maySee(AuthenticatedUser caller, String childId) {
        return children.isGuardian(caller, childId)
                || children.isTreatingPhysician(caller, childId, DermatologySpecialty.ID);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
