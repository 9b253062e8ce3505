"""Readers: turn files and streams (prose, chats, WebVTT, e-mail, feeds) into Documents."""
