package org.pediconsult.specialty.dermatology.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * SQL for {@code derm_photo}, on the caller's connection so it joins the caller's transaction.
 * Metadata and content are read separately: access is decided on the metadata, and the bytes are
 * loaded only for a caller who may see them.
 */
public final class PhotoStore {
    private static final String META = "id, child_id, uploaded_by, content_type, byte_size, sha256, width, height, created_at";

    public void insert(Connection c, PhotoRow p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO derm_photo (" + META + ", content) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, p.id);
            ps.setString(2, p.childId);
            ps.setString(3, p.uploadedBy);
            ps.setString(4, p.contentType);
            ps.setInt(5, p.byteSize);
            ps.setString(6, p.sha256);
            ps.setInt(7, p.width);
            ps.setInt(8, p.height);
            ps.setTimestamp(9, Timestamp.from(p.createdAt));
            ps.setBytes(10, p.content);
            ps.executeUpdate();
        }
    }

    /** The photo's metadata without its bytes, or null. */
    public PhotoRow meta(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + META + " FROM derm_photo WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs, null) : null;
            }
        }
    }

    /** The photo's re-encoded bytes, or null. */
    public byte[] content(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM derm_photo WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static PhotoRow row(ResultSet rs, byte[] content) throws SQLException {
        Timestamp created = rs.getTimestamp("created_at");
        return new PhotoRow(rs.getString("id"), rs.getString("child_id"), rs.getString("uploaded_by"),
                rs.getString("content_type"), rs.getInt("byte_size"), rs.getString("sha256").trim(),
                rs.getInt("width"), rs.getInt("height"), created == null ? null : created.toInstant(), content);
    }
}
