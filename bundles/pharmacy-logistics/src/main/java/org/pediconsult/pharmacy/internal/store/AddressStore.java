package org.pediconsult.pharmacy.internal.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.pediconsult.pharmacy.api.AddressDTO;
import org.pediconsult.platform.api.data.Sql;

/** {@code pharm_address}: a guardian's delivery addresses; removed ones stay, marked. */
public final class AddressStore {
    public static final int MAX_PER_GUARDIAN = 10;

    public List<AddressDTO> of(Connection c, String guardian) throws SQLException {
        return Sql.list(c, "SELECT * FROM pharm_address WHERE guardian = ? AND removed_at IS NULL ORDER BY created_at, id",
                AddressStore::row, guardian);
    }

    public AddressDTO byId(Connection c, String guardian, String id) throws SQLException {
        return Sql.one(c, "SELECT * FROM pharm_address WHERE id = ? AND guardian = ? AND removed_at IS NULL", AddressStore::row,
                id, guardian);
    }

    public void insert(Connection c, String guardian, AddressDTO a) throws SQLException {
        if (a.isDefault) {
            Sql.update(c, "UPDATE pharm_address SET is_default = FALSE WHERE guardian = ?", guardian);
        }
        Sql.update(c, "INSERT INTO pharm_address (id, guardian, recipient, phone, province, city, district, street, postcode, "
                + "is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id, guardian, a.recipient, a.phone,
                a.province, a.city, a.district, a.street, a.postcode, a.isDefault, a.createdAt);
    }

    public boolean remove(Connection c, String guardian, String id, Instant at) throws SQLException {
        return Sql.update(c, "UPDATE pharm_address SET removed_at = ?, is_default = FALSE WHERE id = ? AND guardian = ? "
                + "AND removed_at IS NULL", at, id, guardian) == 1;
    }

    private static AddressDTO row(ResultSet rs) throws SQLException {
        AddressDTO a = new AddressDTO();
        a.id = rs.getString("id");
        a.recipient = rs.getString("recipient");
        a.phone = rs.getString("phone");
        a.province = rs.getString("province");
        a.city = rs.getString("city");
        a.district = rs.getString("district");
        a.street = rs.getString("street");
        a.postcode = rs.getString("postcode");
        a.isDefault = rs.getBoolean("is_default");
        a.createdAt = Sql.instant(rs, "created_at");
        return a;
    }
}
