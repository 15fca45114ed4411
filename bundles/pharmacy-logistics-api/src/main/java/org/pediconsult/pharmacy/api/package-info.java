/**
 * PediConsult pharmacy logistics API: dispense records, delivery orders to the family's door and their
 * states, as other bundles (reports, claims) see them.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.pharmacy.api;
