package org.quizroom.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Short addresses for the pages: /host, /play, /editor and /report serve the static HTML files. */
@Controller
public class PageController {

    @GetMapping("/host")
    public String host() {
        return "forward:/host.html";
    }

    @GetMapping("/play")
    public String play() {
        return "forward:/play.html";
    }

    @GetMapping("/editor")
    public String editor() {
        return "forward:/editor.html";
    }

    /** The old notes-to-draft page: drafts are now reviewed in the quiz editor (issue 13). */
    @GetMapping({"/draft", "/draft.html"})
    public String draft() {
        return "redirect:/editor?notes=1";
    }

    @GetMapping("/report")
    public String report() {
        return "forward:/report.html";
    }
}
