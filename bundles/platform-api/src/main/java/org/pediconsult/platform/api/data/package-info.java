/**
 * PediConsult platform API: data.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.5.0")
package org.pediconsult.platform.api.data;
