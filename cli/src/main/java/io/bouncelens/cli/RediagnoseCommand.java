package io.bouncelens.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bouncelens rediagnose}: reads the stored raw messages again after the knowledge base improved. */
@Command(name = "rediagnose", mixinStandardHelpOptions = true,
        description = {"Diagnoses every stored raw message again and replaces its records.",
                "Suppressions its old records caused are lifted, then the policy runs on the new ones; manual entries stay."})
final class RediagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        // In a class of its own so that verifying this one loads no server class.
        return new RediagnoseRun(this, spec.commandLine().getErr()).run();
    }
}
