package com.kinshop.identity;

/** What a one-time code may be used for; a code issued for one purpose never works for another. */
public enum CodePurpose {
    REGISTER, LOGIN
}
