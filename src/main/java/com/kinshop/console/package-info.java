/**
 * Console: the shell and dashboard that suppliers' staff and operators work in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package com.kinshop.console;
