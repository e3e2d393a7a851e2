/**
 * admin: the operators' console, a Jakarta Faces application behind the admin role. It only reads what the business
 * components expose; it owns no state of its own.
 */
package io.switchboard.admin;
