/**
 * Messages to people outside the system (SMS today): the {@link org.pediconsult.platform.api.message.MessageSender}
 * whiteboard a hospital plugs its gateway into.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.pediconsult.platform.api.message;
