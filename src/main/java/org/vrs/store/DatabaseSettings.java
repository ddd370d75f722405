package org.vrs.store;

/**
 * Where the service's database is and as whom it connects. Migrations run as the owner; the
 * service runs as the application role, which may only read and append events.
 */
record DatabaseSettings(String url, String appUser, String appPassword, String ownerUser, String ownerPassword) {

    boolean separateRoles() {
        return !appUser.equals(ownerUser);
    }
}
