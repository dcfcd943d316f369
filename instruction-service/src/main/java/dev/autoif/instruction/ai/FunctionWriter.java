package dev.autoif.instruction.ai;

import dev.autoif.contracts.RunSpec;
import dev.autoif.contracts.Stage;
import dev.autoif.instruction.config.InstructionConfig;
import dev.autoif.instruction.domain.CandidateAssembler;
import dev.autoif.instruction.domain.FunctionAnswer;
import dev.autoif.instruction.domain.FunctionAnswerParser;
import dev.autoif.instruction.domain.Instruction;
import dev.autoif.llm.ChatMessage;
import dev.autoif.llm.ChoiceResult;
import dev.autoif.llm.LlmClient;
import dev.autoif.llm.LlmRequest;
import dev.autoif.llm.Parsed;
import dev.autoif.llm.PromptTemplate;
import dev.autoif.llm.TypedResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Paper 3.2: asks for {@code functionsPerInstruction} verification functions with test cases for one instruction, as
 * {@code n} samples of one request, and parses each answer. An answer that does not parse is counted and dropped; an
 * answer that could not be obtained at all (endpoint down after every retry) throws, so the run fails visibly
 * instead of quietly producing fewer functions.
 */
@ApplicationScoped
public class FunctionWriter {

    private static final Logger LOG = Logger.getLogger(FunctionWriter.class);

    private final LlmClient client;
    private final InstructionConfig.Functions config;
    private final PromptTemplate template;

    public FunctionWriter(LlmClient client, InstructionConfig config) {
        this.client = client;
        this.config = config.functions();
        this.template = PromptTemplate.load(this.config.prompt());
    }

    /** The prompt asking for the functions of one instruction. */
    public List<ChatMessage> messages(String instruction) {
        return List.of(ChatMessage.user(template.render(Map.of("instruction", instruction))));
    }

    public GeneratedFunctions write(RunSpec spec, Instruction instruction) {
        List<ChatMessage> messages = messages(instruction.text());
        int n = spec.parameters().functionsPerInstruction();
        LlmRequest request = new LlmRequest(spec.runId(), Stage.FUNCTION_GENERATION,
                spec.parameters().models().functions(), messages, config.temperature(),
                config.maxTokens().orElse(null), n, LlmSeeds.of(spec.parameters().seed()),
                spec.parameters().llmMode(Stage.FUNCTION_GENERATION));
        TypedResult<FunctionAnswer> result = client.complete(request, FunctionAnswerParser::parse);
        for (ChoiceResult c : result.raw().choices()) {
            if (!c.isOk()) {
                throw c.error();
            }
        }
        Map<Integer, FunctionAnswer> answers = new TreeMap<>();
        for (Parsed<FunctionAnswer> p : result.items()) {
            if (p instanceof Parsed.Value<FunctionAnswer> v) {
                answers.put(v.index(), v.value());
            } else if (p instanceof Parsed.Failure<FunctionAnswer> f) {
                LOG.debugf("instruction %s answer %d dropped: %s", instruction.instructionId(), f.index(), f.reason());
            }
        }
        int unparsable = (int) result.parseFailures();
        return new GeneratedFunctions(
                CandidateAssembler.assemble(spec.runId(), instruction, answers, n, unparsable), n, unparsable,
                result.raw().cacheKeys(), result.usage());
    }
}
