/**
 * PediConsult prescription API: a pediatric e-prescription as other bundles see it (its items, the
 * results of its checks, its states and events), and the read a dispensing bundle needs.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.pediconsult.prescription.api;
