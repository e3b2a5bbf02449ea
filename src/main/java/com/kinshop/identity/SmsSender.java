package com.kinshop.identity;

/** Port to an SMS gateway. The built-in adapter is the sandbox; a real gateway is another implementation. */
interface SmsSender {

    void send(String phone, String text);
}
