/**
 * Video API: data transfer objects (public fields), serialised as JSON to browsers.
 *
 * @since 1.0
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.video.api.dto;
