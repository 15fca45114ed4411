/**
 * The specialty SPI: a specialty (growth &amp; development, nutrition, dermatology, later mental
 * health...) is one bundle that registers a {@link org.pediconsult.specialty.api.Specialty} service.
 * The consultation bundle discovers specialties through the service registry; nothing lists them by
 * name.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.pediconsult.specialty.api;
